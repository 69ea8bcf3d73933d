"use client";

import { AsyncConfigSection } from "@/components/async-config/async-config-section";
import { ConcurrencySection } from "@/components/concurrency/concurrency-section";
import { FunctionLayersSection } from "@/components/function-layers/function-layers-section";
import { FunctionUrlSection } from "@/components/function-url/function-url-section";
import { PermissionsSection } from "@/components/permissions/permissions-section";
import { FunctionTagsSection } from "@/components/tags/function-tags-section";
import { ConfigurationForm } from "./configuration-form";
import { ConfigurationNav } from "./configuration-nav";
import { DurableSection } from "./durable-section";
import { ArchitectureSection, RuntimeSection } from "./runtime-section";

/** The Configuration tab: the sections beside a table of contents; each loads and saves on its own. */
export function ConfigurationSections({ name }: { name: string }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_12rem]">
      <div className="max-w-4xl min-w-0 space-y-6">
        <ConfigurationForm name={name} />
        <RuntimeSection name={name} />
        <ArchitectureSection name={name} />
        <FunctionLayersSection name={name} />
        <FunctionUrlSection name={name} />
        <PermissionsSection name={name} />
        <ConcurrencySection name={name} />
        <AsyncConfigSection name={name} />
        <DurableSection name={name} />
        <FunctionTagsSection name={name} />
      </div>
      <ConfigurationNav />
    </div>
  );
}
