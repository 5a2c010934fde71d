// Every test host here runs a Hangfire server. Hosts started side by side in one process have twice run each other's
// jobs against the wrong store, through Hangfire's process-wide job activator; the host now registers an activator
// of its own (Hosting/JobSetup), and parallel runs passed since, but test classes still run one after another until
// that has held over many full runs. Production runs one host per process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
