import type { ClockState } from '../clock.js';
import type { ScenarioState } from '../scenarios/state.js';
import type { TinkBehaviour } from '../tink/behaviour.js';
import type { TinkState } from '../tink/state.js';
import type { Xs2aBehaviour } from '../xs2a/behaviour.js';
import type { Xs2aState } from '../xs2a/state.js';

export interface TinkCredentials {
  clientId: string;
  clientSecret: string;
  /** The scopes this client may request; a token asks for these or fewer. */
  scopes: string[];
}

export interface TenantCredentials {
  tink: TinkCredentials;
  xs2a: { apiKey: string };
}

/** What a tenant was created with, so that a reset can rebuild its start exactly. */
export interface TenantOrigin {
  seed: number;
  clock: ClockState;
  scenario: string | null;
  demoData: boolean;
}

/**
 * Domain behaviour that scenarios set and the emulations read, e.g. how long a Tink operation stays
 * PENDING or how the next XS2A sync ends. Defaults are the real APIs' happy path.
 */
export interface Behaviour {
  tink: TinkBehaviour;
  xs2a: Xs2aBehaviour;
}

export interface TenantData {
  id: string;
  name: string;
  seed: number;
  /** Machine time of creation; business timestamps live in the domain data. */
  createdAt: string;
  origin: TenantOrigin;
  credentials: TenantCredentials;
  clock: ClockState;
  /** Counter behind the tenant's deterministic ids. */
  sequence: number;
  scenario: ScenarioState | null;
  /**
   * States of scenarios that apply to this tenant's requests without being its own: one named by a
   * request header or a magic credential, or the sandbox default. Cleared by a reset.
   */
  scenarioStates?: Record<string, ScenarioState>;
  behaviour: Behaviour;
  tink: TinkState;
  xs2a: Xs2aState;
}

export interface SandboxState {
  /** Bumped when the shape changes incompatibly; a data file of another version is refused. */
  version: 1;
  tenants: Record<string, TenantData>;
}

export const STATE_VERSION = 1;
