// Test classes run side by side: most of their time is spent waiting on Hangfire polls and host starts. Hosts in one
// process once ran each other's jobs through Hangfire's process-wide job activator; each host registers an activator
// of its own since (Hosting/JobSetup). The classes that kill processes or fill the cores share the
// RunAloneCollection, which runs after the others. Whole runs on a shared two-core machine: about 6 min side by side, 14 min one after
// another.
[assembly: CollectionBehavior(DisableTestParallelization = false)]
