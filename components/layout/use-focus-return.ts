"use client";

import { useEffect } from "react";

const MODAL = '[role="dialog"], [role="alertdialog"]';
// Menus and listboxes hand focus back to their own trigger when they close; the trigger is the opener.
const TRANSIENT = '[role="menu"], [role="listbox"]';

function containsModal(node: Node): boolean {
  return node instanceof Element && (node.matches(MODAL) || node.querySelector(MODAL) !== null);
}

/**
 * Radix dialogs give focus back to their DialogTrigger when they close. Most of the console's dialogs
 * have none — a plain button, a row menu item, a shortcut or the palette opens them — so Esc or Cancel
 * dropped focus on <body>, and a keyboard user started again from the skip link. This remembers the last
 * control focused outside a dialog and, when a dialog's portal leaves the page with focus on <body>,
 * returns focus there (if it is still on the page: a dialog that navigates away leaves it alone).
 */
export function useFocusReturn() {
  useEffect(() => {
    let opener: HTMLElement | null =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;

    function onFocusIn(event: FocusEvent) {
      const target = event.target;
      if (target instanceof HTMLElement && !target.closest(MODAL) && !target.closest(TRANSIENT)) opener = target;
    }
    // Focus left for nowhere (a click on the page's background): a dialog opened now has no opener.
    function onFocusOut(event: FocusEvent) {
      if (event.relatedTarget === null && event.target === opener && document.hasFocus()) opener = null;
    }

    const observer = new MutationObserver((records) => {
      // A dialog's portal arrives before the dialog moves focus into itself: what has focus opened it.
      const opened = records.some((record) => Array.from(record.addedNodes).some(containsModal));
      const active = document.activeElement;
      if (opened && active instanceof HTMLElement && active !== document.body && !active.closest(MODAL)) {
        opener = active.closest(TRANSIENT) ? opener : active;
      }
      const closed = records.some((record) => Array.from(record.removedNodes).some(containsModal));
      if (!closed) return;
      // After Radix's own close-focus step (a timeout of its own), so a DialogTrigger still wins.
      setTimeout(() => {
        const focused = document.activeElement;
        if (focused !== null && focused !== document.body) return;
        if (document.querySelector(MODAL)) return;
        if (opener?.isConnected) opener.focus({ preventScroll: true });
      }, 0);
    });

    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    observer.observe(document.body, { childList: true });
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      observer.disconnect();
    };
  }, []);
}
