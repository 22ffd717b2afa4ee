import { NAV_MENU } from "../choices.ts";
import type { Choice } from "../types.ts";
import type { Flow } from "../turn.ts";
import { routeOrMenu } from "./route-or-menu.ts";

/** Safe-migration guidance, one topic at a time; each topic's text lives in `guidance.topics.<id>`. */
export const GUIDANCE_TOPICS = ["recruiter", "fake_jobs", "visa", "rights"] as const;
export type GuidanceTopic = (typeof GUIDANCE_TOPICS)[number];

const topicChoice = (topic: GuidanceTopic): Choice => ({ id: `guidance.${topic}`, key: `guidance.choice.${topic}` });

export const guidanceFlow: Flow<{ name: "guidance" }> = {
  enter(turn) {
    turn.ask("guidance.ask", [...GUIDANCE_TOPICS.map(topicChoice), NAV_MENU]);
  },
  async handle(turn, _step, input) {
    const topic = input.type === "choice" ? GUIDANCE_TOPICS.find((t) => input.id === `guidance.${t}`) : undefined;
    if (!topic) {
      if (input.type === "text") return routeOrMenu(turn, input.text);
      turn.say("common.not_understood");
      turn.ask("guidance.ask", [...GUIDANCE_TOPICS.map(topicChoice), NAV_MENU]);
      return;
    }
    turn.say(`guidance.topics.${topic}`);
    turn.ask("guidance.more", [...GUIDANCE_TOPICS.filter((t) => t !== topic).map(topicChoice), NAV_MENU]);
  },
};
