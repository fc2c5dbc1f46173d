import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, GENERIC_FAILURE, expectNoA11yViolations, signIn, signInOk, sql } from "./support";

test("five wrong passwords lock the account with the same generic message; the security administrator's unlock lets the user in", async ({ browser }) => {
  // Three people and four pages, each checked with axe: a long journey on a loaded CI machine.
  test.setTimeout(240_000);
  const userPage = await (await browser.newContext()).newPage();
  for (let i = 0; i < 5; i++) {
    await signIn(userPage, "officer.d09s01", `wrong-password-${i}`);
    await expect(userPage.getByTestId("form-message")).toHaveText(GENERIC_FAILURE);
  }
  // The right password is now refused, with exactly the same words.
  await signIn(userPage, "officer.d09s01", DEMO_PASSWORD);
  await expect(userPage.getByTestId("form-message")).toHaveText(GENERIC_FAILURE);
  await expect(userPage).toHaveURL(/\/login$/);
  await expectNoA11yViolations(userPage, "the sign-in page with its refusal");
  // An unknown user gets the same words too.
  await signIn(userPage, "no.such.user", DEMO_PASSWORD);
  await expect(userPage.getByTestId("form-message")).toHaveText(GENERIC_FAILURE);

  const adminPage = await (await browser.newContext()).newPage();
  await signInOk(adminPage, "secadmin");
  await adminPage.goto("/admin/users?q=officer.d09s01");
  const row = adminPage.getByTestId("user-row-officer.d09s01");
  await expect(row).toContainText("锁定至");
  await expectNoA11yViolations(adminPage, "the users page with a locked user");
  await row.getByRole("button", { name: "解锁" }).click();
  await expect(row.getByRole("status")).toHaveText("操作已完成。");
  await expect(row).not.toContainText("锁定至");

  await signIn(userPage, "officer.d09s01", DEMO_PASSWORD);
  await expect(userPage.getByTestId("current-user")).toContainText("派出所民警");

  const auditorPage = await (await browser.newContext()).newPage();
  await signInOk(auditorPage, "auditor");
  // The trail says what happened in words, the action chosen by its name.
  const [officer] = await sql<{ display_name: string }>(`SELECT display_name FROM app_user WHERE username = 'officer.d09s01'`);
  await auditorPage.goto("/audit");
  await auditorPage.getByLabel("操作人").fill("officer.d09s01");
  await auditorPage.getByRole("combobox", { name: /操作/ }).selectOption({ label: "账户锁定" });
  await auditorPage.getByRole("button", { name: "查询" }).click();
  await expect(auditorPage).toHaveURL(/action=auth\.lockout/);
  const lockout = auditorPage.getByTestId("audit-row").first();
  await expect(lockout.getByTestId("audit-sentence")).toHaveText(`${officer!.display_name}的账户因连续 5 次密码错误被锁定 15 分钟`);
  await expect(lockout).toContainText("成功");
  await expect(lockout).not.toContainText("auth.lockout");
  await expectNoA11yViolations(auditorPage, "the audit trail, filtered");
});
