// The history an action appends, built before anything is written. Events chain: each
// records the stage before and after it, so a compound action (acknowledge, then
// answer) reads as the steps it took. Shared by the opinion and proposal workflows.
import type { Prisma } from '../../generated/prisma/client.js';

export interface PlannedEvent<Stage, EventType> {
  type: EventType;
  fromStage: Stage;
  toStage: Stage;
  round: number;
  note: string | null;
  data: Prisma.InputJsonObject;
}

export class StageHistory<Stage, EventType> {
  readonly events: PlannedEvent<Stage, EventType>[] = [];

  constructor(
    public stage: Stage,
    public round: number,
  ) {}

  /** Appends an event and returns its index; `to` moves the stage. */
  record(type: EventType, options: { to?: Stage; note?: string | undefined; data?: Prisma.InputJsonObject } = {}): number {
    const fromStage = this.stage;
    if (options.to) this.stage = options.to;
    this.events.push({ type, fromStage, toStage: this.stage, round: this.round, note: options.note ?? null, data: options.data ?? {} });
    return this.events.length - 1;
  }
}
