using Orchestrator.Bench;

return await BenchProgram.RunAsync(args, Console.Out, Console.Error);
