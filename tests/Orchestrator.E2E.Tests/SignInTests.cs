using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Orchestrator.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(SharedServerFixture browser) : IClassFixture<SharedServerFixture>
{
    [Fact]
    public async Task Coordinator_signs_in_sees_the_japanese_navigation_and_switches_to_english()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("ユーザー名").FillAsync("coordinator");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });
        await Expect(nav).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "ホーム" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "パイロット" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "管理" })).ToHaveCountAsync(0);
        Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
        Directory.CreateDirectory(BrowserFixture.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "home-ja.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        var englishNav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await Expect(englishNav.GetByRole(AriaRole.Link, new() { Name = "Home" })).ToBeVisibleAsync();
        await Expect(englishNav.GetByRole(AriaRole.Link, new() { Name = "Pilots" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Fact]
    public async Task Wrong_password_shows_the_japanese_error_and_stays_on_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("evaluator");
        await page.GetByLabel("パスワード").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();

        await Expect(page.GetByText("ユーザー名またはパスワードが正しくありません")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }

    [Fact]
    public async Task Clerk_sees_only_home_and_tasks()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/login");
        await page.GetByLabel("ユーザー名").FillAsync("clerk-272035");
        await page.GetByLabel("パスワード").FillAsync(ServerProcess.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "メインメニュー" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "タスク" })).ToBeVisibleAsync();
        await Expect(page.GetByText("豊中市").First).ToBeVisibleAsync();
    }
}
