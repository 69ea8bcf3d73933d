"use client";

import { useState } from "react";

/**
 * Which of a page's dialogs is open, if any. Each `open` also takes a new `key`: a dialog mounted with it
 * starts blank instead of showing what was typed the last time it was open.
 */
export function useDialogState<D>() {
  const [dialog, setDialog] = useState<D | undefined>();
  const [key, setKey] = useState(0);
  return {
    dialog,
    key,
    open(next: D) {
      setKey((k) => k + 1);
      setDialog(next);
    },
    /** For a dialog's `onOpenChange`: closing clears the state. */
    onOpenChange(open: boolean) {
      if (!open) setDialog(undefined);
    },
  };
}
