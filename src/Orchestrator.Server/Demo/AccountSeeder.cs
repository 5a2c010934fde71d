using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Hosting;
using Orchestrator.Server.Organisations;

using Orchestrator.Server.Store;

namespace Orchestrator.Server.Demo;

public sealed record SeededAccount(string UserName, string Role, string? OrganisationCode, string? OrganisationName);

/// <summary>
/// Creates the roles, and the demo accounts in demo mode (or the first administrator outside it).
/// Demo accounts get the configured password back on every start, so a changed `Demo:Password` takes effect.
/// </summary>
public sealed class AccountSeeder(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<DemoOptions> demo, IOptions<AuthOptions> auth,
    ILogger<AccountSeeder> log)
{
    public async Task<IReadOnlyList<SeededAccount>> SeedAsync(IReadOnlyList<Organisation> organisations)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
        }

        if (!demo.Value.Enabled)
        {
            await BootstrapAdminAsync();
            return [];
        }

        var accounts = new List<SeededAccount>
        {
            new("admin", Roles.Admin, null, null),
            new("coordinator", Roles.Coordinator, null, null),
            new("evaluator", Roles.Evaluator, null, null),
        };
        accounts.AddRange(organisations.Select(o => new SeededAccount($"clerk-{o.Code}", Roles.Clerk, o.Code, o.NameJa)));

        foreach (var account in accounts)
            await EnsureAsync(account, demo.Value.Password);
        return accounts;
    }

    private async Task EnsureAsync(SeededAccount account, string password)
    {
        var user = await users.FindByNameAsync(account.UserName);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = DisplayName(account),
                OrganisationCode = account.OrganisationCode,
            };
            Check(await users.CreateAsync(user, password), account.UserName);
            Check(await users.AddToRoleAsync(user, account.Role), account.UserName);
            return;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            Check(await users.RemovePasswordAsync(user), account.UserName);
            Check(await users.AddPasswordAsync(user, password), account.UserName);
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    private async Task BootstrapAdminAsync()
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
            return;
        if (string.IsNullOrEmpty(auth.Value.BootstrapAdminPassword))
        {
            log.LogWarning("No administrator exists. Set Auth:BootstrapAdminPassword once to create the 'admin' account");
            return;
        }
        var admin = new AppUser { UserName = "admin", DisplayName = "管理者" };
        Check(await users.CreateAsync(admin, auth.Value.BootstrapAdminPassword), "admin");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "admin");
        log.LogInformation("Administrator account 'admin' created from Auth:BootstrapAdminPassword");
    }

    private static string DisplayName(SeededAccount account) => account.Role switch
    {
        Roles.Admin => "システム管理者",
        Roles.Coordinator => "実証実験コーディネーター",
        Roles.Evaluator => "評価担当",
        _ => $"{account.OrganisationName} 担当職員",
    };

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
