import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support";

/** The sign-in form's server action, as the browser really posts it (its id and headers). */
async function captureSignInPost(page: Page): Promise<{ url: string; headers: Record<string, string> }> {
  let captured: { url: string; headers: Record<string, string> } | null = null;
  await page.route("**/login", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) captured = { url: request.url(), headers: request.headers() };
    await route.continue();
  });
  await page.goto("/login");
  await page.getByLabel("用户名").fill("no.such.user");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("form-message")).toBeVisible();
  expect(captured).not.toBeNull();
  return captured!;
}

test("a crafted post to a server action gets a clear answer, never a 500; a cross-origin one gets 403", async ({ page }) => {
  const { url, headers } = await captureSignInPost(page);
  const base = { "next-action": headers["next-action"]!, "next-router-state-tree": headers["next-router-state-tree"] ?? "", origin: new URL(url).origin };

  // Not a form at all: a JSON list of arguments, as a script would send it.
  const crafted = await page.request.post(url, { headers: { ...base, "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify(["constructor", { username: "x" }]) });
  expect(crafted.status()).toBe(200);
  expect(await crafted.text()).toContain("请求格式不正确");

  // The arguments React sends (a previous state, then the form), with an object for the form.
  const notAForm = await page.request.post(url, { headers: { ...base, "content-type": "text/plain;charset=UTF-8" }, data: JSON.stringify([{ ok: false }, { username: "admin", password: "x" }]) });
  expect(notAForm.status()).toBe(200);
  expect(await notAForm.text()).toContain("请求格式不正确");

  // The same post from another site: refused before any action runs.
  const foreign = await page.request.post(url, { headers: { ...base, origin: "https://evil.example", "content-type": "text/plain;charset=UTF-8" }, data: "[]" });
  expect(foreign.status()).toBe(403);
});
