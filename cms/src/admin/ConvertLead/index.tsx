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
import { relationId } from "../../lib/relationId.ts";
import { Alert, input } from "../forms/controls.tsx";
import { SelectField, type TSelectOption } from "../forms/SelectField.tsx";
import { FILING_TYPE_LABELS } from "../labels.ts";

type TId = number | string;
type TFieldErrors = Record<string, string>;
type TOrderRef = { id: TId; orderNo?: string | null };
/** What staff choose for the new order; empty strings are left for the server to refuse or fill. */
type TChoice = { province: string; entityName: string; filingType: string };

const box = {
  display: "grid",
  gap: "0.6rem",
  padding: "0.75rem",
  marginBottom: "1.5rem",
  border: "1px solid var(--theme-elevation-150)",
  borderRadius: "var(--style-radius-m)",
} as const;
const PROVINCE_OPTIONS: TSelectOption[] = PROVINCES.map((item) => ({
  value: item.code,
  label: item.zh,
}));
const FILING_TYPE_OPTIONS: TSelectOption[] = (
  Object.keys(FILING_TYPE_LABELS) as TFilingTypeSlug[]
).map((slug) => ({ value: slug, label: FILING_TYPE_LABELS[slug].zh }));

/** The order number of an already converted lead, for the link. */
function useOrderNumber(api: string, orderId: TId | null, found: (order: TOrderRef) => void) {
  useEffect(() => {
    if (orderId === null) return;
    let cancelled = false;
    void fetch(`${api}/orders/${orderId}?depth=0&select[orderNo]=true`, {
      credentials: "include",
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { orderNo?: string } | null) => {
        if (!cancelled && doc?.orderNo) found({ id: orderId, orderNo: doc.orderNo });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [api, orderId, found]);
}

type TConvertAnswer = {
  order?: TOrderRef;
  error?: { message?: string; fields?: TFieldErrors; order?: TOrderRef };
};

/** Asks the server to convert the lead; the answer's body is empty when it is not JSON. */
async function requestConversion(
  api: string,
  leadId: TId,
  { province, entityName, filingType }: TChoice,
): Promise<{ status: number; body: TConvertAnswer }> {
  const response = await fetch(`${api}/leads/${leadId}/convert`, {
    method: "POST",
    credentials: "include",
    headers: { "Content-Type": "application/json", "Accept-Language": "zh-CN" },
    body: JSON.stringify({
      province,
      ...(entityName.trim() ? { entityName } : {}),
      ...(filingType ? { filingType } : {}),
    }),
  });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

/**
 * The conversion as the form runs it: busy while the request runs, the server's field errors and
 * message on failure; the order, created now or earlier (409), goes to `converted`.
 */
function useConversion(api: string, converted: (order: TOrderRef, created: boolean) => void) {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  async function submit(leadId: TId, choice: TChoice) {
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const { status, body } = await requestConversion(api, leadId, choice);
      if (status === 201 && body.order) return converted(body.order, true);
      if (status === 409 && body.error?.order) return converted(body.error.order, false);
      setErrors(body.error?.fields ?? {});
      setMessage(body.error?.message ?? `转化失败(${status})`);
    } catch {
      setMessage("网络错误,请稍后重试");
    } finally {
      setBusy(false);
    }
  }

  return { busy, errors, message, submit };
}

function EntityNameRow(props: {
  value: string;
  onChange: (value: string) => void;
  onEnter: () => void;
  error: string | undefined;
}) {
  // Enter here converts: it must not submit the lead's own form.
  const noSubmit = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      props.onEnter();
    }
  };
  return (
    <div>
      <label htmlFor="convert-lead-entity">主体名称</label>
      <input
        id="convert-lead-entity"
        style={input}
        value={props.value}
        maxLength={100}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={noSubmit}
      />
      <Alert text={props.error} />
    </div>
  );
}

function ConvertedOrderLink({ href, orderNo }: { href: string; orderNo?: string | null }) {
  return (
    <div style={box} data-convert-lead="converted">
      <strong>已转为订单</strong>
      <a href={href}>{orderNo ? `查看订单 ${orderNo}` : "查看订单"}</a>
    </div>
  );
}

function ConversionForm(props: {
  choice: TChoice;
  choose: (change: Partial<TChoice>) => void;
  conversion: ReturnType<typeof useConversion>;
  submit: () => void;
}) {
  const { choice, choose, submit } = props;
  const { busy, errors, message } = props.conversion;
  return (
    <div style={box} data-convert-lead="form">
      <strong>转为备案订单</strong>
      <SelectField
        id="convert-lead-province"
        label="备案省份"
        placeholder="请选择省份"
        options={PROVINCE_OPTIONS}
        value={choice.province}
        onChange={(province) => choose({ province })}
        error={errors.province}
      />
      <EntityNameRow
        value={choice.entityName}
        onChange={(entityName) => choose({ entityName })}
        onEnter={submit}
        error={errors.entityName}
      />
      <SelectField
        id="convert-lead-type"
        label="备案类型"
        placeholder="请选择备案类型"
        options={FILING_TYPE_OPTIONS}
        value={choice.filingType}
        onChange={(filingType) => choose({ filingType })}
        error={errors.filingType}
      />
      <Alert text={message} />
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        style={{ margin: 0 }}
        disabled={busy}
        onClick={submit}
      >
        {busy ? "正在创建订单…" : "转为订单"}
      </button>
    </div>
  );
}

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

  // Prefilled once, from the lead as it was when its page opened.
  const [choice, setChoice] = useState<TChoice>({
    province: "",
    entityName: company ?? "",
    filingType: leadFilingType ?? "",
  });
  const [order, setOrder] = useState<TOrderRef | null>(null);
  const orderHref = (ref: TOrderRef) => `${admin}/collections/orders/${ref.id}`;
  const conversion = useConversion(api, (converted, created) => {
    setOrder(converted);
    if (created) router.push(orderHref(converted));
  });

  const existingId = relationId(convertedOrder);
  useOrderNumber(api, existingId, setOrder);
  const linked = order ?? (existingId !== null ? { id: existingId } : null);

  if (!id) return null; // a lead not saved yet has nothing to convert
  if (linked) return <ConvertedOrderLink href={orderHref(linked)} orderNo={linked.orderNo} />;
  return (
    <ConversionForm
      choice={choice}
      choose={(change) => setChoice((current) => ({ ...current, ...change }))}
      conversion={conversion}
      submit={() => void conversion.submit(id, choice)}
    />
  );
}
