import { assessText, type Assessment } from "../domain/screening/index.ts";
import { toScreeningTranslate } from "./screening-translate.ts";
import type { Choice, EngineDeps, Input, Output, State, Step, Vars } from "./types.ts";

/** The mutable context of one turn: the state being built and the messages said so far. */
export class Turn {
  readonly outputs: Output[] = [];
  private readonly assessed = new Map<string, Assessment>();

  constructor(
    public state: State,
    readonly deps: EngineDeps,
    private readonly flows: FlowRegistry,
  ) {}

  /** Moves to a step and shows its first message(s). */
  async go(step: Step): Promise<void> {
    this.state.step = step;
    this.state.offered = [];
    await (this.flows[step.name] as Flow).enter(this, step);
  }

  /** Hands a message to the flow of the current step. */
  async handle(input: Input): Promise<void> {
    const step = this.state.step;
    await (this.flows[step.name] as Flow).handle(this, step, input);
  }

  /**
   * What the screening reads in the person's words (danger now, a danger signal, self-harm, intent, the
   * language), in the turn's language. A message is screened once per turn, however many steps look at it.
   */
  assess(text: string): Assessment {
    const key = `${this.locale}\u0000${text}`;
    let assessment = this.assessed.get(key);
    if (!assessment) {
      assessment = assessText({ text, locale: this.locale }, toScreeningTranslate(this.deps.t));
      this.assessed.set(key, assessment);
    }
    return assessment;
  }

  /** Says one message; a message with choices replaces the quick replies on offer. */
  say(key: string, vars?: Vars, choices?: Choice[]): void {
    const output: Output = { key };
    if (vars) output.vars = vars;
    if (choices?.length) {
      output.choices = choices;
      this.state.offered = choices;
    }
    this.outputs.push(output);
  }

  /**
   * Says a notice about the conversation itself (a caseworker joined or left: a system message, not the
   * assistant's words). Its quick replies replace those on offer, none when it has none.
   */
  notice(key: string, vars?: Vars, choices: Choice[] = []): void {
    const output: Output = { key, system: true };
    if (vars) output.vars = vars;
    if (choices.length) output.choices = choices;
    this.state.offered = choices;
    this.outputs.push(output);
  }

  ask(key: string, choices: Choice[], vars?: Vars): void {
    this.say(key, vars, choices);
  }

  t(key: string, vars?: Vars): string {
    return this.deps.t(this.state.locale, key, vars);
  }

  get locale() {
    return this.state.locale;
  }

  setStep(step: Step): void {
    this.state.step = step;
  }

  /** Whether the person agreed that Lentera may store what they tell it. */
  get consented(): boolean {
    return this.state.consent === "granted";
  }
}

export type Flow<S extends Step = Step> = {
  /** Shows the step's first message(s); called when the conversation arrives at the step. */
  enter(turn: Turn, step: S): Promise<void> | void;
  /** Handles a message while at the step. */
  handle(turn: Turn, step: S, input: Input): Promise<void> | void;
};

export type FlowRegistry = { [N in Step["name"]]: Flow<Extract<Step, { name: N }>> };
