/** The scenario active for a tenant and where its story stands (WireMock-style named states). */
export interface ScenarioState {
  name: string;
  /** The current named state; every scenario starts in `Started`. */
  state: string;
  /** Calls seen per rule, for `calls` matching, probability draws and rate-limit windows. */
  counters: Record<string, number>;
  /**
   * Virtual time the scenario entered its current state; relative windows (`from: PT2H`) count from
   * here. Unset until the engine first sees the scenario, which then fills it in.
   */
  since?: number;
}

export const startScenario = (name: string, since?: number): ScenarioState =>
  since === undefined
    ? { name, state: 'Started', counters: {} }
    : { name, state: 'Started', counters: {}, since };
