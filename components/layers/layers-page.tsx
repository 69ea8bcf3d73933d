"use client";

import { useState } from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { LayersIcon, PlusIcon } from "lucide-react";
import { DataCell, DataRow, DataTable, DescriptionCell } from "@/components/common/data-table";
import { RelativeTime } from "@/components/common/relative-time";
import { ResourceList } from "@/components/common/resource-list";
import { Button } from "@/components/ui/button";
import { layersOptions } from "@/lib/queries/layers";
import { routes } from "@/lib/routes";
import { PublishLayerDialog } from "./publish-layer-dialog";
import { RuntimeTags } from "./runtime-tags";

const COLUMNS = [
  { key: "name", label: "Name" },
  { key: "version", label: "Latest version", align: "right" as const },
  { key: "description", label: "Description" },
  { key: "runtimes", label: "Compatible runtimes", className: "min-w-52" },
  { key: "arch", label: "Architectures" },
  { key: "created", label: "Created" },
];

export function LayersPage({ region }: { region: string }) {
  const layers = useQuery(layersOptions());
  const [creating, setCreating] = useState(false);
  const [createKey, setCreateKey] = useState(0);

  function create() {
    setCreateKey((k) => k + 1);
    setCreating(true);
  }

  return (
    <>
      <ResourceList
        title="Layers"
        noun={["layer", "layers"]}
        region={region}
        query={layers}
        action={
          <Button onClick={create}>
            <PlusIcon aria-hidden /> Create layer
          </Button>
        }
        empty={{
          icon: LayersIcon,
          title: "No layers yet",
          description:
            "A layer is a zip of libraries, a custom runtime or shared data that many functions can use without bundling it. Publish one, then add it on a function's Configuration tab.",
        }}
      >
        {(items) => (
          <DataTable label="Layers" columns={COLUMNS}>
            {items.map((l) => {
              const v = l.LatestMatchingVersion;
              return (
                <DataRow key={l.LayerArn}>
                  <DataCell>
                    <Link
                      href={routes.layer(l.LayerName)}
                      className="text-primary focus-visible:ring-ring/50 rounded-sm font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px]"
                    >
                      {l.LayerName}
                    </Link>
                  </DataCell>
                  <DataCell align="right">
                    <span className="tabular">{v?.Version ?? "—"}</span>
                  </DataCell>
                  <DescriptionCell value={v?.Description} />
                  <DataCell>
                    <RuntimeTags values={v?.CompatibleRuntimes} label={`Runtimes of ${l.LayerName}`} />
                  </DataCell>
                  <DataCell>
                    <RuntimeTags values={v?.CompatibleArchitectures} label={`Architectures of ${l.LayerName}`} />
                  </DataCell>
                  <DataCell className="whitespace-nowrap">
                    <RelativeTime value={v?.CreatedDate} className="text-muted-foreground" />
                  </DataCell>
                </DataRow>
              );
            })}
          </DataTable>
        )}
      </ResourceList>
      {creating ? <PublishLayerDialog key={createKey} open onOpenChange={setCreating} /> : null}
    </>
  );
}
