"use client";
/**
 * Switching the connection changes every page's data, so after the switch the browser reloads the
 * section it is in (a function page goes back to the list: that function may not exist over there).
 */
import { toast } from "sonner";
import { useSwitchConnection } from "@/lib/queries/connections";

/** The top-level section of `pathname`: `/functions/x/code` → `/functions`; `/settings` stays. */
export function sectionOf(pathname: string): string {
  const first = pathname.split("/").find(Boolean);
  return first ? `/${first}` : "/functions";
}

export function useSwitchTo() {
  const mutation = useSwitchConnection();
  async function switchTo(id: string, region?: string) {
    const result = await mutation.mutateAsync({ id, ...(region ? { region } : {}) });
    if (!result.ok) {
      toast.error(result.error.message);
      return;
    }
    window.location.assign(sectionOf(window.location.pathname));
  }
  return { switchTo, pending: mutation.isPending };
}
