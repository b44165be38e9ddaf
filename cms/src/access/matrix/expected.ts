/**
 * CONTRACT §5 and the README's "Roles" as one table: what each role (and anonymous) gets from
 * every collection and global over HTTP. The access test walks the built config and looks every
 * collection and global up here, so one that is missing fails the test instead of going untested.
 *
 * Reads name the fixtures (see fixtures.ts) the answer holds; writes name their effect on the
 * database: "allowed" (it happened), "denied" (401/403 and nothing happened), "no route" (Payload
 * serves no REST endpoint for it: 501).
 */
import type { TRole } from "@beian/contract";
import type { CollectionSlug, GlobalSlug } from "payload";

export type TActor = TRole | "anonymous";
export const ACTORS: readonly TActor[] = ["admin", "editor", "sales", "anonymous"];

export type TWrite = "allowed" | "denied" | "no route";
export type TRead = readonly string[] | "denied" | "no route";

export type TCollectionOutcomes = {
  read: TRead;
  /** The same list asked for with `?draft=true`. */
  readDrafts: TRead;
  create: TWrite;
  update: TWrite;
  delete: TWrite;
  /** Only for collections with versions: `GET /versions` and `POST /versions/:id` (restore). */
  readVersions?: TWrite;
  restoreVersion?: TWrite;
};

export type TGlobalOutcomes = {
  read: TRead;
  readDrafts: TRead;
  update: TWrite;
  readVersions?: TWrite;
  restoreVersion?: TWrite;
};

const isStaff = (actor: TActor) => actor !== "anonymous";
const isEditing = (actor: TActor) => actor === "admin" || actor === "editor";
const isSelling = (actor: TActor) => actor === "admin" || actor === "sales";
const allowedIf = (allowed: boolean): TWrite => (allowed ? "allowed" : "denied");

/** Content: the public reads what is published; staff read drafts too; admins and editors write. */
function content(actor: TActor): Required<TCollectionOutcomes> {
  const seen = isStaff(actor) ? ["draft", "published"] : ["published"];
  const write = allowedIf(isEditing(actor));
  return {
    read: seen,
    readDrafts: seen,
    create: write,
    update: write,
    delete: write,
    readVersions: allowedIf(isStaff(actor)),
    restoreVersion: write,
  };
}

/** Content globals: the public gets the published version, staff the draft when they ask for it. */
function contentGlobal(actor: TActor): Required<TGlobalOutcomes> {
  return {
    read: ["published"],
    readDrafts: isStaff(actor) ? ["draft"] : ["published"],
    update: allowedIf(isEditing(actor)),
    readVersions: allowedIf(isStaff(actor)),
    restoreVersion: allowedIf(isEditing(actor)),
  };
}

/** Media the site shows is public; admins and editors upload and manage it. */
function media(actor: TActor): TCollectionOutcomes {
  const write = allowedIf(isEditing(actor));
  return { read: ["image"], readDrafts: ["image"], create: write, update: write, delete: write };
}

/** Partners: admins manage them; staff see them all; the public sees the active ones. */
function partners(actor: TActor): TCollectionOutcomes {
  const seen = isStaff(actor) ? ["active", "dormant"] : ["active"];
  const write = allowedIf(actor === "admin");
  return { read: seen, readDrafts: seen, create: write, update: write, delete: write };
}

/**
 * Leads and orders: sales and admins read and work them; they come in through the public API, so
 * only an admin adds (imports) or deletes one by hand; editors and the public never see them.
 */
function salesWork(actor: TActor): TCollectionOutcomes {
  const seen = isSelling(actor) ? ["doc"] : "denied";
  const adminOnly = allowedIf(actor === "admin");
  return {
    read: seen,
    readDrafts: seen,
    create: adminOnly,
    update: allowedIf(isSelling(actor)),
    delete: adminOnly,
  };
}

/**
 * The outbox: what was sent, written by the system alone (so not even an admin creates an email).
 * Sales read the emails about leads and orders, not account emails (a password-reset link is an
 * account); admins read all and may send a failed one again; editors and the public see none.
 */
function outbox(actor: TActor): TCollectionOutcomes {
  const seen: TRead =
    actor === "admin"
      ? ["account email", "lead email"]
      : actor === "sales"
        ? ["lead email"]
        : "denied";
  const adminOnly = allowedIf(actor === "admin");
  return { read: seen, readDrafts: seen, create: "denied", update: adminOnly, delete: adminOnly };
}

/**
 * Accounts: admins manage everyone; editors see only themselves; sales also see the sales team
 * (admins included) to assign work. Updates and deletes here target a colleague's account.
 */
function users(actor: TActor): TCollectionOutcomes {
  const seen: Record<TActor, TRead> = {
    admin: ["admin", "editor", "sales", "self"],
    editor: ["self"],
    sales: ["admin", "sales", "self"],
    anonymous: "denied",
  };
  const adminOnly = allowedIf(actor === "admin");
  return {
    read: seen[actor],
    readDrafts: seen[actor],
    create: adminOnly,
    update: adminOnly,
    delete: adminOnly,
  };
}

/**
 * Erasure records (PIPL art. 47): only admins erase a person (creating the record is the erasure)
 * and read the records; nobody changes or deletes one, not even an admin.
 */
function erasures(actor: TActor): TCollectionOutcomes {
  const admin = actor === "admin";
  return {
    read: admin ? ["doc"] : "denied",
    readDrafts: admin ? ["doc"] : "denied",
    create: allowedIf(admin),
    update: "denied",
    delete: "denied",
  };
}

/**
 * Customer accounts (the customer center's, not staff): written by the sign-in endpoint alone;
 * sales and admins see who has signed in; only an admin deletes one (with its sessions).
 */
function customers(actor: TActor): TCollectionOutcomes {
  const seen = isSelling(actor) ? ["doc"] : "denied";
  return {
    read: seen,
    readDrafts: seen,
    create: "denied",
    update: "denied",
    delete: allowedIf(actor === "admin"),
  };
}

/**
 * Customers' documents: sales and admins read the records (the files only through the audited
 * document endpoint); uploads and reviews go through endpoints, so nobody writes over REST; only
 * an admin deletes one.
 */
function customerDocuments(actor: TActor): TCollectionOutcomes {
  return { ...customers(actor) };
}

/** Who viewed which document: admins read the record; nobody writes, changes or deletes it. */
function documentAccessLog(actor: TActor): TCollectionOutcomes {
  const seen = actor === "admin" ? ["doc"] : "denied";
  return { read: seen, readDrafts: seen, create: "denied", update: "denied", delete: "denied" };
}

/** The system's own records (idempotency keys, jobs, key-value store): no person reads or writes them. */
function systemOnly(): TCollectionOutcomes {
  return {
    read: "denied",
    readDrafts: "denied",
    create: "denied",
    update: "denied",
    delete: "denied",
  };
}

/** Applied migrations: Payload serves no REST endpoint for them at all. */
function unrouted(): TCollectionOutcomes {
  return {
    read: "no route",
    readDrafts: "no route",
    create: "no route",
    update: "no route",
    delete: "no route",
  };
}

/** Edit locks, which the admin panel takes and takes over for whoever edits: any staff member. */
function editLocks(actor: TActor): TCollectionOutcomes {
  const staff = allowedIf(isStaff(actor));
  const seen = isStaff(actor) ? ["lock"] : "denied";
  return { read: seen, readDrafts: seen, create: staff, update: staff, delete: staff };
}

/**
 * Admin panel preferences are personal: each staff member reads, makes and deletes their own;
 * nobody changes a colleague's (the update here aims at one); the public has none.
 */
function preferences(actor: TActor): TCollectionOutcomes {
  const own = allowedIf(isStaff(actor));
  const seen = isStaff(actor) ? ["own"] : "denied";
  return { read: seen, readDrafts: seen, create: own, update: "denied", delete: own };
}

export const EXPECTED_COLLECTIONS: Record<CollectionSlug, (actor: TActor) => TCollectionOutcomes> =
  {
    "filing-types": content,
    "filing-stages": content,
    "guide-articles": content,
    faqs: content,
    cases: content,
    pages: content,
    "province-rules": content,
    media,
    partners,
    leads: salesWork,
    orders: salesWork,
    materials: customerDocuments,
    "material-views": documentAccessLog,
    outbox,
    customers,
    "customer-codes": systemOnly,
    "customer-sessions": systemOnly,
    users,
    "idempotency-keys": systemOnly,
    erasures,
    "payload-jobs": systemOnly,
    "payload-kv": systemOnly,
    "payload-migrations": unrouted,
    "payload-locked-documents": editLocks,
    "payload-preferences": preferences,
  };

export const EXPECTED_GLOBALS: Record<GlobalSlug, (actor: TActor) => TGlobalOutcomes> = {
  "site-settings": contentGlobal,
  landing: contentGlobal,
  // The publishing state is written by the publisher alone; staff read it (the admin shows it).
  "site-publish": (actor) => {
    const seen = isStaff(actor) ? ["doc"] : "denied";
    return { read: seen, readDrafts: seen, update: "denied" };
  },
  // The SMS templates of customer notifications: admins only (sales read the messages).
  "sms-templates": (actor) => {
    const seen = actor === "admin" ? ["doc"] : "denied";
    return { read: seen, readDrafts: seen, update: allowedIf(actor === "admin") };
  },
};
