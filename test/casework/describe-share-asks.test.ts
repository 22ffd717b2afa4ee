import { describe, expect, test } from "vitest";
import { describeShareAsks, describeShareState, shareSignature } from "../../src/casework/describe-share-asks.ts";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 9, minute));
const asked = (partnerId: string, minute: number) => ({
  type: "share_consent_requested",
  data: { partnerId },
  createdAt: at(minute),
});
const answered = (partnerId: string, granted: boolean, minute: number) => ({
  type: "share_consent_answered",
  data: { partnerId, granted },
  createdAt: at(minute),
});

describe("a ticket's share questions, from its history", () => {
  test("asked, then answered; a second question before an answer replaces the first", () => {
    expect(
      describeShareAsks([
        asked("a", 1),
        answered("a", true, 2),
        asked("b", 3),
        asked("c", 4),
        { type: "note_added", data: {}, createdAt: at(5) },
        answered("c", false, 6),
      ]),
    ).toEqual([
      { partnerId: "a", askedAt: at(1), status: "granted", answeredAt: at(2) },
      { partnerId: "b", askedAt: at(3), status: "replaced", answeredAt: null },
      { partnerId: "c", askedAt: at(4), status: "declined", answeredAt: at(6) },
    ]);
  });

  test("replaced from another ticket; an answer for another partner does not close a question", () => {
    expect(
      describeShareAsks([
        asked("a", 1),
        answered("b", true, 2),
        { type: "share_consent_replaced", data: { partnerId: "a" }, createdAt: at(3) },
      ]),
    ).toEqual([{ partnerId: "a", askedAt: at(1), status: "replaced", answeredAt: null }]);
  });

  test("consent for named partners is theirs only; a later 'no' to any partner ends it", () => {
    const yesToA = [
      { scope: "store", granted: true },
      { scope: "share:a", granted: true },
    ];
    expect(describeShareState({ consentShare: true }, yesToA, [])).toEqual({
      shareConsent: false,
      sharePartnerIds: ["a"],
      shareAsks: [],
    });
    const withdrawn = [...yesToA, { scope: "share:any", granted: false }];
    expect(describeShareState({ consentShare: true }, withdrawn, [])).toMatchObject({ sharePartnerIds: [] });
    // no share decision on record at all: the ticket's own flag (a ticket opened without the flows)
    expect(describeShareState({ consentShare: true }, [], [])).toMatchObject({ shareConsent: true });
    expect(shareSignature(describeShareState({ consentShare: false }, yesToA, [asked("a", 1)]))).toBe(",a,a:pending");
  });
});
