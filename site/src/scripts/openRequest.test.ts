import { describe, expect, it } from "vitest";
import { isPlainClick, openRequest, pickedProvince } from "./openRequest.ts";

describe("what a [data-beian-open] link asks the widget for", () => {
  it("names the form, and the type and province when given", () => {
    expect(openRequest({ beianOpen: "lead" })).toEqual({ form: "lead" });
    expect(
      openRequest({
        beianOpen: "order",
        beianType: "individual-business",
        beianProvince: "zhejiang",
      }),
    ).toEqual({ form: "order", type: "individual-business", province: "zhejiang" });
  });

  it("opens the lead form for anything but order", () => {
    expect(openRequest({ beianOpen: "" })).toEqual({ form: "lead" });
    expect(openRequest({ beianOpen: "ORDER" })).toEqual({ form: "lead" });
  });

  it("leaves out a malformed type or province instead of passing it on", () => {
    expect(openRequest({ beianOpen: "order", beianType: "<x>", beianProvince: "" })).toEqual({
      form: "order",
    });
    expect(
      openRequest({ beianOpen: "lead", beianType: "Enterprise", beianProvince: "a b" }),
    ).toEqual({ form: "lead" });
  });
});

describe("what a page's province choice asks of the order form", () => {
  it("the chosen province", () => {
    expect(pickedProvince("zhejiang")).toEqual({ province: "zhejiang" });
    expect(pickedProvince("inner-mongolia")).toEqual({ province: "inner-mongolia" });
  });

  it("an empty province when the choice is cleared, so the form's is cleared too", () => {
    expect(pickedProvince("")).toEqual({ province: "" });
  });

  it("an empty province rather than a malformed one", () => {
    expect(pickedProvince("<x>")).toEqual({ province: "" });
    expect(pickedProvince("Zhejiang")).toEqual({ province: "" });
  });
});

describe("which clicks open the widget", () => {
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
  it("a plain primary click does; a middle click or a new-tab key follows the link", () => {
    expect(isPlainClick(click)).toBe(true);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
    expect(isPlainClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...click, metaKey: true })).toBe(false);
    expect(isPlainClick({ ...click, shiftKey: true })).toBe(false);
  });
});
