/**
 * A night you step through by hand, for the ticker demo: a final feed with every area in a
 * chosen order held back until "Declare next" puts it in, timed at the moment you press it, so
 * relative times read "just now", "2 min ago". Corrections and recounts are offered only for
 * feeds marked as test data, so no invented result is ever shown as a real one.
 */
import { undeclaredArea } from '../../src/adapters/replay.js';
import type { Area, Feed, FeedInput } from '../../src/feed/schema.js';
import { assertFeed } from '../../src/feed/validate.js';

export interface ScriptedNightOptions {
  /** The order areas declare in; areas not named stay as they are in the final feed. */
  order: readonly string[];
  /** Replaces `meta.note`: say how the night is being replayed. */
  note: string;
}

export class ScriptedNight {
  private readonly final: Feed;
  private readonly order: readonly string[];
  private readonly note: string;
  /** Area id → ISO time it declared in this replay. */
  private readonly declared = new Map<string, string>();
  private readonly recounts = new Set<string>();
  /** Area id → replacement area (test data only). */
  private readonly corrected = new Map<string, Area>();
  private revision = 1;
  private changedAt: string;

  constructor(final: Feed, options: ScriptedNightOptions) {
    this.final = final;
    this.order = options.order;
    this.note = options.note;
    this.changedAt = new Date().toISOString();
  }

  /** Areas still to declare. */
  get remaining(): number {
    return this.order.filter((id) => !this.declared.has(id)).length;
  }

  /** The last area declared, if any. */
  get latest(): string | undefined {
    return [...this.declared.keys()].at(-1);
  }

  /** True when corrections and recounts may be invented: the feed says it is test data. */
  get isTestData(): boolean {
    return this.final.meta.test === true;
  }

  /** Declare the next `count` areas, `at` (default now), `spacingMs` apart going back in time. */
  declareNext(count = 1, at = Date.now(), spacingMs = 0): void {
    const next = this.order.filter((id) => !this.declared.has(id)).slice(0, count);
    next.forEach((id, index) => {
      this.recounts.delete(id);
      this.declared.set(id, new Date(at - (next.length - 1 - index) * spacingMs).toISOString());
    });
    if (next.length > 0) this.touch(at);
  }

  /** Put the next undeclared area into a recount (test data only). */
  recountNext(): string | undefined {
    if (!this.isTestData) return undefined;
    const id = this.order.find((candidate) => !this.declared.has(candidate) && !this.recounts.has(candidate));
    if (id === undefined) return undefined;
    this.recounts.add(id);
    this.touch(Date.now());
    return id;
  }

  /** Change the latest declared result to another party's control (test data only). */
  correctLatest(): string | undefined {
    const id = this.latest;
    if (!this.isTestData || id === undefined) return undefined;
    const area = this.final.areas.find((candidate) => candidate.id === id)!;
    const current = this.corrected.get(id) ?? area;
    const after = current.control?.after;
    const others = this.final.parties.map((party) => party.id).filter((party) => party !== after);
    const replacement = others[0];
    if (replacement === undefined) return undefined;
    this.corrected.set(id, {
      ...current,
      control: { ...current.control, after: replacement, largestParty: replacement },
    });
    this.touch(Date.now());
    return id;
  }

  /** The feed as it stands now. */
  feed(): Feed {
    const inOrder = new Set(this.order);
    const areas = this.final.areas.map((area) => {
      if (!inOrder.has(area.id)) return area;
      const declaredAt = this.declared.get(area.id);
      if (declaredAt === undefined)
        return this.recounts.has(area.id)
          ? { ...undeclaredArea(area, 'counting'), status: 'recount' as const }
          : undeclaredArea(area, 'awaiting');
      return { ...(this.corrected.get(area.id) ?? area), status: 'declared' as const, declaredAt };
    });
    const { summary: _summary, events: _events, ...rest } = this.final;
    const input: FeedInput = {
      ...rest,
      meta: {
        ...this.final.meta,
        revision: this.revision,
        generatedAt: new Date().toISOString(),
        dataChangedAt: this.changedAt,
        note: this.note,
      },
      areas,
    };
    return assertFeed(input);
  }

  private touch(at: number): void {
    this.revision += 1;
    this.changedAt = new Date(at).toISOString();
  }
}
