import { expect, test } from "@playwright/test";
import { expectNoA11yViolations, signIn, signInOk } from "./support";

test("an admin creates a user, who must change the password at first sign-in", async ({ browser }) => {
  const username = `analyst.e2e${Date.now().toString(36)}`;
  const admin = await (await browser.newContext()).newPage();
  await signInOk(admin, "admin");
  const form = admin.getByRole("form", { name: "新建用户" });
  await form.getByLabel("用户名", { exact: true }).fill("bad name!");
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(admin.getByText("用户名为 3–64 位小写字母")).toBeVisible();
  await expectNoA11yViolations(admin, "the users page with a refused field");

  await form.getByLabel("用户名", { exact: true }).fill(username);
  await form.getByLabel("姓名", { exact: true }).fill("赵立新");
  await form.getByLabel("初始密码").fill("Welcome2026x");
  await form.getByLabel("角色", { exact: true }).selectOption("ANALYST");
  await form.getByLabel("所属单位").selectOption({ label: "JZ 江州市公安局反诈中心" });
  await form.getByRole("button", { name: "创建用户" }).click();
  await expect(admin.getByText("用户已创建，首次登录须修改密码。")).toBeVisible();

  const user = await (await browser.newContext()).newPage();
  await signIn(user, username, "Welcome2026x");
  await expect(user).toHaveURL(/\/change-password$/);
  await user.goto("/queue");
  await expect(user).toHaveURL(/\/change-password$/);
  await expectNoA11yViolations(user, "the forced password change");
  await user.getByLabel("当前密码").fill("Welcome2026x");
  await user.getByLabel("新密码", { exact: true }).fill("MyOwnPass2026");
  await user.getByLabel("确认新密码").fill("MyOwnPass2026");
  await user.getByRole("button", { name: "保存新密码" }).click();
  await expect(user).toHaveURL(/\/queue$/);
  await expect(user.getByRole("heading", { level: 1, name: "研判队列" })).toBeVisible();
});
