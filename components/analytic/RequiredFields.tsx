import type { RequiredFieldsComparison } from "@/lib/catalog/fields";
import { withoutDatasetPrefix } from "@/lib/catalog/fields";
import { Empty, Section } from "@/components/ui/Section";
import { formatCount } from "@/lib/detection/numbers";

function FieldList({ fields, others, missingNote }: { fields: string[]; others: Set<string>; missingNote: string }) {
  if (fields.length === 0) return <Empty>None.</Empty>;
  return (
    <ul className="space-y-0.5 font-mono text-xs">
      {fields.map((f) => {
        const differs = !others.has(withoutDatasetPrefix(f));
        return (
          <li key={f} className="break-all">
            {f}
            {differs && (
              <span className="dc-field-note">
                {missingNote}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Both lists, labelled, side by side; the differences are spelled out. */
export function RequiredFields({ fields }: { fields: RequiredFieldsComparison }) {
  const readSet = new Set(fields.read.map(withoutDatasetPrefix));
  const declaredSet = new Set((fields.declared ?? []).map(withoutDatasetPrefix));
  return (
    <Section id="required-fields" title="Required fields">
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold">
            Declared in the YAML <span className="font-normal text-slate-600 dark:text-slate-400">(tags.required_fields)</span>
          </h3>
          {fields.declared ? (
            <FieldList fields={fields.declared} others={readSet} missingNote="not read by the SPL" />
          ) : (
            <Empty>The file declares none (newer content drops this list).</Empty>
          )}
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold">
            Read by the SPL <span className="font-normal text-slate-600 dark:text-slate-400">(derived by the engine)</span>
          </h3>
          <FieldList fields={fields.read} others={fields.declared ? declaredSet : readSet} missingNote="not declared" />
        </div>
      </div>
      {fields.declared && (
        <p role="note" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          {fields.same ? (
            <>Both lists name the same fields (compared without the data model prefix).</>
          ) : (
            <>
              The lists differ (compared without the data model prefix):{" "}
              {fields.onlyDeclared.length > 0 && (
                <>
                  {formatCount(fields.onlyDeclared.length)} declared but not read by the SPL ({fields.onlyDeclared.join(", ")})
                  {fields.onlyRead.length > 0 ? "; " : "."}
                </>
              )}
              {fields.onlyRead.length > 0 && (
                <>
                  {formatCount(fields.onlyRead.length)} read by the SPL but not declared ({fields.onlyRead.join(", ")}).
                </>
              )}{" "}
              The declared list is documentation; the engine&apos;s list is what the search actually uses.
            </>
          )}
        </p>
      )}
    </Section>
  );
}
