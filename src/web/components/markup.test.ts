import { createElement } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { renderToString } from "../../render.ts";
import { attr, html } from "./markup.ts";

describe("html templates", () => {
  it("escape values as JSX does and pass nested templates and JSX through", async () => {
    const title = `"Ligestilling" & <inklusion> i 'Kbh'`;
    const text = String(
      await html`<p title="${title}">${title}${html`<b>${"æ"}</b>`}${createElement("i", {}, title)}</p>`,
    );
    const jsx = await renderToString(
      createElement("p", { title }, title, createElement("b", {}, "æ"), createElement("i", {}, title)),
    );
    expect(text).toBe(jsx);
    expect(text).toContain("&quot;Ligestilling&quot; &amp; &lt;inklusion&gt; i &#39;Kbh&#39;");
  });

  it("leave out the layout's line breaks next to tags and values, and keep one space elsewhere", async () => {
    const value = "x";
    const text = String(
      await html`
        <ul
          class="a"
          id="b"
        >
          <li>${value}</li>
          <li>
            Første linje
            og anden
          </li>
          <input
            name="c"
          />
        </ul>`,
    );
    expect(text).toBe(`<ul class="a" id="b"><li>x</li><li>Første linje og anden</li><input name="c"/></ul>`);
  });

  it("write an attribute only when it has a value, as JSX leaves out an undefined one", async () => {
    expect(String(await html`<td${attr("class", undefined)}${attr("data-title", `"Beløb"`)}></td>`)).toBe(
      `<td data-title="&quot;Beløb&quot;"></td>`,
    );
    expect(String(await html`<td${attr("colspan", 3)}></td>`)).toBe(`<td colspan="3"></td>`);
  });
});
