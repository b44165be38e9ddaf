"use client";
/**
 * In a lead's sidebar: turn the lead into a filing order. Asks only what the lead does not say
 * (province, entity name, filing type — the last two prefilled from the lead), calls
 * POST /api/leads/:id/convert and opens the new order. Once converted, it links to the order.
 */
import { PROVINCES, type TFilingTypeSlug } from "@beian/contract";
import { useConfig, useDocumentInfo, useFormFields } from "@payloadcms/ui";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useState } from "react";
import { FILING_TYPE_LABELS } from "../labels.ts";

type TFieldErrors = Record<string, string>;
type TOrderRef = { id: number | string; orderNo?: string | null };

const box = {
  display: "grid",
  gap: "0.6rem",
  padding: "0.75rem",
  marginBottom: "1.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
} as const;
const input = {
  width: "100%",
  padding: "0.4rem 0.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-s)",
  background: "var(--theme-input-bg)",
  color: "var(--theme-text)",
  font: "inherit",
} as const;
const errorText = { color: "var(--theme-error-500)", margin: 0, fontSize: "0.9em" } as const;

const idOf = (value: unknown): number | string | null =>
  value && typeof value === "object" && "id" in value
    ? (value as { id: number | string }).id
    : typeof value === "number" || typeof value === "string"
      ? value
      : null;

export function ConvertLead() {
  const { id } = useDocumentInfo();
  const {
    config: {
      routes: { admin, api },
    },
  } = useConfig();
  const router = useRouter();
  const convertedOrder = useFormFields(([fields]) => fields.convertedOrder?.value);
  const leadFilingType = useFormFields(([fields]) => fields.filingType?.value) as
    | string
    | undefined;
  const company = useFormFields(([fields]) => fields.company?.value) as string | undefined;

  const [province, setProvince] = useState("");
  const [entityName, setEntityName] = useState(company ?? "");
  const [filingType, setFilingType] = useState(leadFilingType ?? "");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [order, setOrder] = useState<TOrderRef | null>(null);

  const existingId = idOf(convertedOrder);
  const linked = order ?? (existingId !== null ? { id: existingId } : null);

  // The order number of an already converted lead, for the link.
  useEffect(() => {
    if (existingId === null) return;
    let cancelled = false;
    void fetch(`${api}/orders/${existingId}?depth=0&select[orderNo]=true`, {
      credentials: "include",
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { orderNo?: string } | null) => {
        if (!cancelled && doc?.orderNo) setOrder({ id: existingId, orderNo: doc.orderNo });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api, existingId]);

  if (!id) return null; // a lead not saved yet has nothing to convert

  const orderHref = (ref: TOrderRef) => `${admin}/collections/orders/${ref.id}`;

  if (linked) {
    return (
      <div style={box} data-convert-lead="converted">
        <strong>已转为订单</strong>
        <a href={orderHref(linked)}>{linked.orderNo ? `查看订单 ${linked.orderNo}` : "查看订单"}</a>
      </div>
    );
  }

  async function submit() {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const response = await fetch(`${api}/leads/${id}/convert`, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" },
        body: JSON.stringify({
          province,
          ...(entityName.trim() ? { entityName } : {}),
          ...(filingType ? { filingType } : {}),
        }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        order?: TOrderRef;
        error?: { message?: string; fields?: TFieldErrors; order?: TOrderRef };
      };
      if (response.status === 201 && body.order) {
        setOrder(body.order);
        router.push(orderHref(body.order));
        return;
      }
      if (response.status === 409 && body.error?.order) {
        setOrder(body.error.order);
        return;
      }
      setErrors(body.error?.fields ?? {});
      setMessage(body.error?.message ?? `转化失败(${response.status})`);
    } catch {
      setMessage("网络错误,请稍后重试");
    } finally {
      setBusy(false);
    }
  }

  // Enter in these inputs must not submit the lead's own form.
  const noSubmit = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      void submit();
    }
  };

  const fieldError = (name: string) =>
    errors[name] ? (
      <p role="alert" style={errorText}>
        {errors[name]}
      </p>
    ) : null;

  return (
    <div style={box} data-convert-lead="form">
      <strong>转为备案订单</strong>
      <div>
        <label htmlFor="convert-lead-province">备案省份</label>
        <select
          id="convert-lead-province"
          style={input}
          value={province}
          onChange={(event) => setProvince(event.target.value)}
          aria-invalid={errors.province ? true : undefined}
        >
          <option value="">请选择省份</option>
          {PROVINCES.map((item) => (
            <option key={item.code} value={item.code}>
              {item.zh}
            </option>
          ))}
        </select>
        {fieldError("province")}
      </div>
      <div>
        <label htmlFor="convert-lead-entity">主体名称</label>
        <input
          id="convert-lead-entity"
          style={input}
          value={entityName}
          maxLength={100}
          onChange={(event) => setEntityName(event.target.value)}
          onKeyDown={noSubmit}
        />
        {fieldError("entityName")}
      </div>
      <div>
        <label htmlFor="convert-lead-type">备案类型</label>
        <select
          id="convert-lead-type"
          style={input}
          value={filingType}
          onChange={(event) => setFilingType(event.target.value)}
          aria-invalid={errors.filingType ? true : undefined}
        >
          <option value="">请选择备案类型</option>
          {(Object.keys(FILING_TYPE_LABELS) as TFilingTypeSlug[]).map((slug) => (
            <option key={slug} value={slug}>
              {FILING_TYPE_LABELS[slug].zh}
            </option>
          ))}
        </select>
        {fieldError("filingType")}
      </div>
      {message ? (
        <p role="alert" style={errorText}>
          {message}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy}
        onClick={() => void submit()}
      >
        {busy ? "正在创建订单…" : "转为订单"}
      </button>
    </div>
  );
}
