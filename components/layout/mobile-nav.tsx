"use client";

import { useState } from "react";
import { MenuIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Brand } from "./brand";
import { SidebarNav } from "./sidebar-nav";

/** Below lg (1024 px) the sidebar folds into a dialog opened from the top bar. */
export function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="lg:hidden" aria-label="Open navigation">
          <MenuIcon aria-hidden />
        </Button>
      </DialogTrigger>
      <DialogContent className="top-0 left-0 flex h-dvh w-72 translate-x-0 translate-y-0 flex-col gap-0 rounded-none p-0">
        <DialogTitle className="sr-only">Navigation</DialogTitle>
        <div className="flex h-14 items-center border-b px-4">
          <Brand />
        </div>
        <SidebarNav onNavigate={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}
