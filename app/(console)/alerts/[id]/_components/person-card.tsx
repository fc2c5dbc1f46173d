import { getTranslations } from "next-intl/server";
import type { AlertDetail } from "@/lib/server/alerts/get-alert";
import { formatShanghai } from "@/lib/time";
import { RevealField } from "./reveal-field";

/**
 * 预警对象: the person at risk, masked, with an audited reveal of each field the actor may see in
 * full. For the analyst holding the alert it sits above the forms: the number to call comes first.
 */
export async function PersonCard({ alert }: { alert: AlertDetail }) {
  const t = await getTranslations();
  const d = (key: string) => t(`alerts.detail.${key}`);
  return (
    <section className="rounded border border-slate-200 bg-white p-4 text-sm" aria-labelledby="person-heading" data-testid="person-card">
      <h2 id="person-heading" className="mb-3 font-semibold">
        {d("person")}
      </h2>
      <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-2 gap-y-2 break-words">
        <dt className="text-slate-500">{d("name")}</dt>
        <dd data-testid="person-name">{alert.person.name}</dd>
        <dt className="text-slate-500">{d("phone")}</dt>
        <dd>
          {alert.person.canReveal.phone ? (
            <RevealField alertId={alert.id} field="phone" masked={alert.person.phone} label={d("phone")} />
          ) : (
            <span className="tabular-nums" data-testid="person-phone">
              {alert.person.phone}
            </span>
          )}
        </dd>
        {alert.person.otherPhones.length > 0 ? (
          <>
            <dt className="text-slate-500">{d("otherPhones")}</dt>
            <dd data-testid="person-other-phones">
              <ul className="space-y-0.5">
                {alert.person.otherPhones.map((p) => (
                  <li key={p.phone + p.firstSeenAt} className="tabular-nums">
                    {p.phone} <span className="text-xs text-slate-500">{d("phoneSeen")} {formatShanghai(p.firstSeenAt)} – {formatShanghai(p.lastSeenAt)}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-500">{d("idNumber")}</dt>
        <dd>
          {alert.person.idNumber === null ? (
            d("none")
          ) : alert.person.canReveal.idNumber ? (
            <RevealField alertId={alert.id} field="idNumber" masked={alert.person.idNumber} label={d("idNumber")} />
          ) : (
            <span className="tabular-nums">{alert.person.idNumber}</span>
          )}
        </dd>
        <dt className="text-slate-500">{d("address")}</dt>
        <dd>
          {!alert.person.hasAddress ? (
            d("none")
          ) : alert.person.canReveal.address ? (
            <RevealField alertId={alert.id} field="address" masked={d("addressHidden")} label={d("address")} />
          ) : (
            d("addressHidden")
          )}
        </dd>
      </dl>
    </section>
  );
}
