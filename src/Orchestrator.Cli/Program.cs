using System.Text;
using Orchestrator.Cli;

// Japanese names and messages must survive a Windows console or a redirected pipe.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await Cli.RunAsync(args, Console.Out, Console.Error);
