import { describe, expect, it } from "vitest";
import { cancelOutcome, cancelQuestion } from "./cancel-text";

const ada = { email: "ada.lovelace@example.com", name: "Ada Lovelace" };
const now = 1_000_000_000;
const started = now - 3 * 60_000 - 20_000;

describe("cancelQuestion", () => {
  it("names a teammate and how long the run has run, in whole minutes", () => {
    expect(cancelQuestion({ startedBy: ada, creationTime: started }, "Revenue.csv", "bruno@example.com", now)).toBe(
      "Cancel Ada Lovelace's run of Revenue.csv, running 3 min?",
    );
  });
  it("says 'your run' to its starter, whatever the email's case", () => {
    expect(cancelQuestion({ startedBy: ada, creationTime: started }, "R.csv", "Ada.Lovelace@example.com", now)).toBe(
      "Cancel your run of R.csv, running 3 min?",
    );
  });
  it("says when the run was started outside Export Desk", () => {
    expect(cancelQuestion({ startedBy: null, creationTime: now - 12_000 }, "R.csv", ada.email, now)).toBe(
      "Cancel this run of R.csv, started outside Export Desk, running 12 sec?",
    );
  });
  it("leaves out what it does not know", () => {
    expect(cancelQuestion({}, "R.csv", undefined, now)).toBe("Cancel this run of R.csv?");
    expect(cancelQuestion({ startedBy: { email: "x@example.com", name: "" } }, "R.csv", undefined, now)).toBe(
      "Cancel x@example.com's run of R.csv?",
    );
  });
});

describe("cancelOutcome", () => {
  const result = { successful: true, failureDumpAvailable: false, objectId: "1" };
  it("names the canceller of a cancelled run and says no file was produced", () => {
    expect(cancelOutcome({ taskState: "CANCELLED", cancelledBy: "Bruno Díaz" })).toBe(
      "Cancelled by Bruno Díaz — no file produced",
    );
    expect(cancelOutcome({ taskState: "CANCELLED", result: { ...result, successful: false } })).toBe(
      "Cancelled — no file produced",
    );
  });
  it("says when Anaplan finished the export before the cancel took effect", () => {
    expect(cancelOutcome({ taskState: "COMPLETE", result, cancelledBy: "Bruno" })).toBe(
      "Anaplan finished it before the cancel took effect",
    );
  });
  it("says nothing about runs nobody cancelled, or failures", () => {
    expect(cancelOutcome({ taskState: "COMPLETE", result })).toBeUndefined();
    expect(
      cancelOutcome({ taskState: "COMPLETE", result: { ...result, successful: false }, cancelledBy: "B" }),
    ).toBeUndefined();
    expect(cancelOutcome({ taskState: "IN_PROGRESS" })).toBeUndefined();
  });
});
