/** The scenario active for a tenant and where its story stands (WireMock-style named states). */
export interface ScenarioState {
  name: string;
  /** The current named state; every scenario starts in `Started`. */
  state: string;
  /** Calls seen per rule, for `nth` / `times` matching and rate limits. */
  counters: Record<string, number>;
}

export const startScenario = (name: string): ScenarioState => ({ name, state: 'Started', counters: {} });
