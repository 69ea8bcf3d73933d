import Link from "next/link";
import { routes } from "@/lib/routes";

export function Brand() {
  return (
    <Link
      href={routes.functions()}
      className="focus-visible:ring-ring/50 flex items-center gap-2 rounded-md outline-none focus-visible:ring-[3px]"
    >
      <span className="sr-only sm:hidden">Lambda Console</span>
      <span
        aria-hidden
        className="bg-primary text-primary-foreground flex size-7 items-center justify-center rounded-md font-mono text-base leading-none font-semibold"
      >
        λ
      </span>
      <span className="hidden text-sm font-semibold tracking-tight whitespace-nowrap sm:inline">Lambda Console</span>
    </Link>
  );
}
