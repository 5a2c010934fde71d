// Every test host here runs a Hangfire server. Hosts started side by side in one process have twice run each other's
// jobs against the wrong store (a cycle start that found no cycle, an agency call that never resumed its instance),
// through process-wide defaults that Hangfire keeps; production runs one host per process. Test classes therefore run
// one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
