/**
 * One election's publisher: takes the feed an adapter built from the sources and, when its
 * results differ from the feed last published, publishes it as the next revision: revision + 1,
 * `generatedAt` and `dataChangedAt` now, ticker events for what changed (events.ts), validated
 * as widgets will validate it, written atomically with a copy in history (store.ts).
 *
 * "Differ" means the content: the feed with the publisher's own bookkeeping (revision, times,
 * events) left out, compared as JSON after validation. Adapters are deterministic, so the same
 * sources give the same content and nothing is published.
 *
 * Restarted, it continues from what is on disk: the published feed is the previous one, and
 * the next revision is above every revision published or kept in history. A feed published by
 * someone else meanwhile (`tally rollback`) is noticed before the next write and taken as the
 * previous feed.
 */
import { stat } from 'node:fs/promises';
import type { Feed, FeedEvent, FeedInput } from '../../feed/schema.js';
import { validateFeed, type FeedIssue } from '../../feed/validate.js';
import type { FeedChanges } from '../../feed/changes.js';
import { deriveEvents, keptEvents } from './events.js';
import type { FeedStore } from './store.js';

export interface PublisherOptions {
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now: () => number;
  /** Mark every feed published as test data (`meta.test`). */
  readonly test?: boolean;
  /** `meta.pollInterval` (seconds) for feeds whose source sets none. */
  readonly pollInterval?: number;
  /** Called with the temporary file's path before each rename (tests stop a write there). */
  readonly beforeRename?: (temporaryPath: string) => void | Promise<void>;
}

export type PublishResult =
  | {
      readonly kind: 'published';
      readonly feed: Feed;
      readonly revision: number;
      readonly bytes: number;
      readonly changes: FeedChanges;
      /** Events this publication added, oldest first. */
      readonly added: readonly FeedEvent[];
      /** Events of the previous publication left out: their area or party is gone. */
      readonly dropped: readonly FeedEvent[];
      /** Values ignored by validation (a colour that is not a colour). */
      readonly warnings: readonly FeedIssue[];
    }
  | { readonly kind: 'unchanged'; readonly revision: number }
  | { readonly kind: 'invalid'; readonly issues: readonly FeedIssue[] };

export interface PublishOptions {
  /**
   * Where the events carried over come from: the previous publication's (the night's process),
   * or the input's own (a rollback republishing an old revision with the events it had).
   */
  readonly events?: 'previous' | 'input';
}

/** The feed's content: everything but the publisher's bookkeeping. */
export function contentKey(feed: Feed): string {
  const { revision: _revision, generatedAt: _generatedAt, dataChangedAt: _dataChangedAt, ...meta } = feed.meta;
  return JSON.stringify({ ...feed, meta, events: undefined });
}

/** An ISO timestamp to the second: "2026-05-07T23:41:07Z". */
export function isoNow(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const identity = (info: { ino: number; size: number; mtimeMs: number }) => `${info.ino}:${info.size}:${info.mtimeMs}`;

export class Publisher {
  private previous: Feed | undefined;
  private previousKey: string | undefined;
  private lastRevision = 0;
  /** The published file as last written or read by this publisher. */
  private writtenIdentity: string | undefined;

  private constructor(
    readonly store: FeedStore,
    private readonly options: PublisherOptions,
  ) {}

  /** A publisher continuing from what `store` holds. */
  static async open(
    store: FeedStore,
    options: PublisherOptions,
  ): Promise<{ publisher: Publisher; removedTemporary: readonly string[] }> {
    const publisher = new Publisher(store, options);
    const { removedTemporary, current } = await store.prepare();
    if (current) publisher.adopt(current.feed);
    publisher.lastRevision = Math.max(publisher.lastRevision, await store.latestRevision());
    publisher.writtenIdentity = await publisher.publishedIdentity();
    return { publisher, removedTemporary };
  }

  /** The feed published last, if any. */
  get current(): Feed | undefined {
    return this.previous;
  }

  get revision(): number {
    return this.lastRevision;
  }

  private adopt(feed: Feed) {
    this.previous = feed;
    this.previousKey = contentKey(feed);
    this.lastRevision = Math.max(this.lastRevision, feed.meta.revision);
  }

  private async publishedIdentity(): Promise<string | undefined> {
    const info = await stat(this.store.feedPath).catch(() => undefined);
    return info && identity(info);
  }

  /** Someone else (a rollback) replaced the published file: it is the previous feed now. */
  private async catchUp(): Promise<void> {
    const now = await this.publishedIdentity();
    if (now === this.writtenIdentity) return;
    const current = await this.store.readCurrent();
    if (current) this.adopt(current.feed);
    this.lastRevision = Math.max(this.lastRevision, await this.store.latestRevision());
    this.writtenIdentity = now;
  }

  /** Publish `input` as the next revision when its content differs from the feed published. */
  async publish(input: FeedInput, publishOptions: PublishOptions = {}): Promise<PublishResult> {
    await this.catchUp();
    if (input.meta?.election?.id !== this.store.electionId) {
      return {
        kind: 'invalid',
        issues: [
          {
            path: 'meta.election.id',
            message: `is '${String(input.meta?.election?.id)}', but this publisher publishes '${this.store.electionId}' (a new election needs its own publisher)`,
          },
        ],
      };
    }
    const revision = this.lastRevision + 1;
    const at = isoNow(this.options.now());
    const meta = {
      ...input.meta,
      revision,
      generatedAt: at,
      dataChangedAt: at,
      ...(this.options.test ? { test: true } : {}),
      ...(input.meta.pollInterval === undefined && this.options.pollInterval !== undefined
        ? { pollInterval: this.options.pollInterval }
        : {}),
    };
    const checked = validateFeed({ ...input, meta }, this.previous);
    if (!checked.ok) return { kind: 'invalid', issues: checked.errors };
    const candidate = checked.feed;
    const key = contentKey(candidate);

    const sourceEvents = candidate.events ?? [];
    const carried = publishOptions.events === 'input' ? [] : (this.previous?.events ?? []);
    const carriedIds = new Set(carried.map((event) => event.id));
    const newSourceEvents = sourceEvents.filter((event) => !carriedIds.has(event.id));
    if (
      this.previous &&
      key === this.previousKey &&
      newSourceEvents.length === 0 &&
      publishOptions.events !== 'input'
    ) {
      return { kind: 'unchanged', revision: this.lastRevision };
    }

    const { kept, dropped } = keptEvents(carried, candidate);
    const taken = new Set([...kept, ...newSourceEvents].map((event) => event.id));
    const { added, changes } = deriveEvents(this.previous, candidate, taken);
    const events = [...kept, ...newSourceEvents, ...added];
    const final = validateFeed({ ...candidate, events }, candidate);
    if (!final.ok) return { kind: 'invalid', issues: final.errors };

    const text = await this.store.write(final.feed, {
      ...(this.options.beforeRename ? { beforeRename: this.options.beforeRename } : {}),
    });
    this.writtenIdentity = await this.publishedIdentity();
    this.previous = final.feed;
    this.previousKey = key;
    this.lastRevision = revision;
    return {
      kind: 'published',
      feed: final.feed,
      revision,
      bytes: Buffer.byteLength(text),
      changes,
      added: [...newSourceEvents, ...added],
      dropped,
      warnings: [
        ...checked.warnings,
        ...final.warnings.filter((warning) => !checked.warnings.some((other) => other.path === warning.path)),
      ],
    };
  }
}
