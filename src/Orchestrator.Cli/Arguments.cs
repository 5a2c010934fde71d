namespace Orchestrator.Cli;

/// <summary>Splits a command's arguments into positional values and <c>--name value</c> / <c>--name=value</c> options.</summary>
public sealed class Arguments
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);

    public static Arguments Parse(string[] args, params string[] knownOptions) => Parse(args, [], knownOptions);

    /// <summary>As above; <paramref name="flags"/> are options that take no value (their value is "true").</summary>
    public static Arguments Parse(string[] args, string[] flags, params string[] knownOptions)
    {
        var result = new Arguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                result.Positional.AddRange(args[(i + 1)..]);
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                result.Positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (!knownOptions.Contains(name) && !flags.Contains(name))
                throw new UsageException($"Unknown option '--{name}'.");
            if (value is null && flags.Contains(name))
                value = "true";
            if (value is null)
            {
                if (i + 1 >= args.Length)
                    throw new UsageException($"Option '--{name}' needs a value.");
                value = args[++i];
            }
            if (!result.Options.TryAdd(name, value))
                throw new UsageException($"Option '--{name}' is given twice.");
        }
        return result;
    }

    public string? Get(string name) => Options.GetValueOrDefault(name);
}
