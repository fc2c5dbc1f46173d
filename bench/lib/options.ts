// Command line of `npm run bench`. See docs/decisions/008-benchmarks.md.

export interface BenchOptions {
  /** Alerts the demo seed puts in the database before anything is measured. */
  alerts: number;
  /** Database name; with `reuse`, an existing seeded database of that name is used as it is. */
  dbName: string;
  reuse: boolean;
  keepDb: boolean;
  port: number;
  /** Force `next build` even when the build looks current. */
  build: boolean;
  /** Use the existing build even when sources are newer (never builds). */
  noBuild: boolean;
  quick: boolean;
  /** Batch ingestion: requests of `batchSize` alerts, `batchConcurrency` in flight. */
  batchRequests: number;
  batchSize: number;
  batchConcurrency: number;
  /** Single-alert POSTs: autocannon connections and seconds. */
  singleConnections: number;
  singleSeconds: number;
  /** Claims: analysts working at once, claims each. */
  analysts: number;
  claimsEach: number;
  /** Queue page: autocannon connections and seconds; in-process query repetitions. */
  queueConnections: number;
  queueSeconds: number;
  queueQueryRuns: number;
  /** Instructions of the demo city (its history) and open ones of the sweep city, made once per database. */
  instructions: number;
  openInstructions: number;
  /** Station inbox and district view: calls in flight and seconds (each). */
  viewConnections: number;
  viewSeconds: number;
  /** Sweeps 30 s apart (the worker's interval) after the first one. */
  steadySweeps: number;
  /** Dispatch → inbox: analysts dispatching at once, dispatches each. */
  dispatchers: number;
  dispatchesEach: number;
  /** The seed's money factor (prisma/seed --money-factor): bank requests in proportion to the alerts times F. */
  moneyFactor: number;
  /** Case page: cases read (a tenth the biggest by transfers, the rest at random). */
  caseSample: number;
  /** Filed stop → desk: analysts filing at once, stops each. */
  filers: number;
  filingsEach: number;
  /** Lighthouse: runs per page (the median run's score counts). */
  lighthouseRuns: number;
  /** Connection pool of the app server (and of the domain workers), as DB_POOL_SIZE. */
  poolSize: number;
  logLevel: string;
  /** Measurements to run (default: all). */
  only: Set<Measurement>;
}

export const MEASUREMENTS = ["copy", "batch", "single", "claim", "queue", "inbox", "district", "sweep", "dispatch", "desk", "case", "filed", "lighthouse"] as const;
/** The dispatch chain's measurements: they need the instructions (instruction-data.ts). */
export const CHAIN_MEASUREMENTS: readonly Measurement[] = ["inbox", "district", "sweep", "dispatch"];
/** The money workflow's measurements (measure-money.ts): their target holds with ≥ 200k bank requests. */
export const MONEY_MEASUREMENTS: readonly Measurement[] = ["desk", "case", "filed"];
export type Measurement = (typeof MEASUREMENTS)[number];

const USAGE = `usage: npm run bench -- [options]
  --alerts N             alerts in the seeded database (default 1,000,000; --quick: 50,000)
  --reuse-db [NAME]      use database NAME (default afc_bench) as it is when it is already seeded;
                         otherwise create and seed it. Kept afterwards.
  --keep-db              keep the database afterwards (default: dropped unless --reuse-db)
  --port P               port of the app server (default 3200)
  --build                run next build even when the build looks current
  --no-build             use the existing bench build even when sources are newer
  --quick                a smoke run: 50k alerts, short measurements
  --only a,b             only these of: ${MEASUREMENTS.join(", ")} (copy always runs with batch)
  --batch-requests N     batch requests (default 40; quick 6)
  --batch-size N         alerts per batch request (default 500)
  --batch-concurrency N  batch requests in flight (default 2)
  --single-seconds S     single-alert POST duration (default 20; quick 5)
  --single-connections N (default 20)
  --analysts N           concurrent analysts claiming (default 50)
  --claims-each N        claims per analyst (default 20; quick 5)
  --queue-seconds S      queue page duration (default 15; quick 5)
  --queue-connections N  (default 10)
  --instructions N       instructions of the demo city, made once per database (default 1,000,000; quick 50,000)
  --open-instructions N  open instructions of the sweep city, made with them (default 100,000; quick 10,000)
  --view-seconds S       station inbox, district view, bank desk and case page, each (default 15; quick 5)
  --view-connections N   (default 10)
  --steady-sweeps N      sweeps 30 s apart after the first (default 5; quick 3)
  --dispatchers N        analysts dispatching at once (default 10)
  --dispatches-each N    dispatches per analyst (default 20; quick 5)
  --money-factor F       seed F times the bank requests (prisma/seed; default 1: ≈ 236k at 1M alerts)
  --case-sample N        cases the case page reads (default 200)
  --filers N             analysts filing stops at once (default 10)
  --filings-each N       stops per analyst (default 20; quick 5)
  --lighthouse-runs N    Lighthouse runs per page, the median counts (default 3)
  --pool-size N          DB_POOL_SIZE of the app server and the domain workers (default 20)
  --log-level L          LOG_LEVEL of the app server (default info, as in production)
Environment: BENCH_DATABASE_URL — a database to use instead of creating one (reused when seeded).`;

export function usage(message?: string): never {
  if (message) console.error(message);
  console.error(USAGE);
  process.exit(message ? 2 : 0);
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes("--quick");
  const o: BenchOptions = {
    alerts: quick ? 50_000 : 1_000_000,
    dbName: quick ? "afc_bench_quick" : "afc_bench",
    reuse: false,
    keepDb: false,
    port: 3200,
    build: false,
    noBuild: false,
    quick,
    batchRequests: quick ? 6 : 40,
    batchSize: 500,
    batchConcurrency: 2,
    singleConnections: 20,
    singleSeconds: quick ? 5 : 20,
    analysts: 50,
    claimsEach: quick ? 5 : 20,
    queueConnections: 10,
    queueSeconds: quick ? 5 : 15,
    queueQueryRuns: quick ? 50 : 200,
    instructions: quick ? 50_000 : 1_000_000,
    openInstructions: quick ? 10_000 : 100_000,
    viewConnections: 10,
    viewSeconds: quick ? 5 : 15,
    steadySweeps: quick ? 3 : 5,
    dispatchers: 10,
    dispatchesEach: quick ? 5 : 20,
    moneyFactor: 1,
    caseSample: 200,
    filers: 10,
    filingsEach: quick ? 5 : 20,
    lighthouseRuns: 3,
    poolSize: 20,
    logLevel: "info",
    only: new Set(MEASUREMENTS),
  };
  const int = (flag: string, value: string | undefined, min = 1): number => {
    const n = Number(value?.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < min) usage(`${flag} needs an integer ≥ ${min}, got ${value ?? "nothing"}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const [flag, inline] = raw.includes("=") ? [raw.slice(0, raw.indexOf("=")), raw.slice(raw.indexOf("=") + 1)] : [raw, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--quick":
        break;
      case "--alerts":
        o.alerts = int(flag, value(), 0);
        break;
      case "--reuse-db": {
        o.reuse = true;
        const next = inline ?? argv[i + 1];
        if (next !== undefined && !next.startsWith("--")) {
          o.dbName = next;
          if (inline === undefined) i++;
        }
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(o.dbName)) usage(`--reuse-db: "${o.dbName}" is not a plain lowercase database name`);
        break;
      }
      case "--keep-db":
        o.keepDb = true;
        break;
      case "--port":
        o.port = int(flag, value());
        break;
      case "--build":
        o.build = true;
        break;
      case "--no-build":
        o.noBuild = true;
        break;
      case "--only": {
        const names = (value() ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        const bad = names.filter((n) => !(MEASUREMENTS as readonly string[]).includes(n));
        if (names.length === 0 || bad.length > 0) usage(`--only: unknown ${bad.join(", ") || "(empty)"}`);
        o.only = new Set(names as Measurement[]);
        break;
      }
      case "--batch-requests":
        o.batchRequests = int(flag, value());
        break;
      case "--batch-size":
        o.batchSize = int(flag, value());
        if (o.batchSize > 1000) usage("--batch-size: the API takes at most 1,000 alerts per request");
        break;
      case "--batch-concurrency":
        o.batchConcurrency = int(flag, value());
        break;
      case "--single-seconds":
        o.singleSeconds = int(flag, value());
        break;
      case "--single-connections":
        o.singleConnections = int(flag, value());
        break;
      case "--analysts":
        o.analysts = int(flag, value());
        if (o.analysts > 99) usage("--analysts: at most 99");
        break;
      case "--claims-each":
        o.claimsEach = int(flag, value());
        break;
      case "--queue-seconds":
        o.queueSeconds = int(flag, value());
        break;
      case "--queue-connections":
        o.queueConnections = int(flag, value());
        break;
      case "--instructions":
        o.instructions = int(flag, value(), 0);
        break;
      case "--open-instructions":
        o.openInstructions = int(flag, value());
        break;
      case "--view-seconds":
        o.viewSeconds = int(flag, value());
        break;
      case "--view-connections":
        o.viewConnections = int(flag, value());
        break;
      case "--steady-sweeps":
        o.steadySweeps = int(flag, value(), 0);
        break;
      case "--dispatchers":
        o.dispatchers = int(flag, value());
        if (o.dispatchers > 99) usage("--dispatchers: at most 99");
        break;
      case "--dispatches-each":
        o.dispatchesEach = int(flag, value());
        break;
      case "--money-factor": {
        const v = value();
        o.moneyFactor = Number(v);
        if (!Number.isFinite(o.moneyFactor) || o.moneyFactor <= 0 || o.moneyFactor > 100) usage(`--money-factor needs a number in (0, 100], got ${v ?? "nothing"}`);
        break;
      }
      case "--case-sample":
        o.caseSample = int(flag, value());
        break;
      case "--filers":
        o.filers = int(flag, value());
        if (o.filers > 99) usage("--filers: at most 99");
        break;
      case "--filings-each":
        o.filingsEach = int(flag, value());
        break;
      case "--lighthouse-runs":
        o.lighthouseRuns = int(flag, value());
        break;
      case "--pool-size":
        o.poolSize = int(flag, value());
        break;
      case "--log-level":
        o.logLevel = value() ?? "info";
        break;
      case "--help":
      case "-h":
        usage();
      // falls through (usage exits)
      default:
        usage(`unknown option ${raw}`);
    }
  }
  if (o.build && o.noBuild) usage("--build and --no-build contradict each other");
  if (o.only.has("batch")) o.only.add("copy");
  return o;
}
