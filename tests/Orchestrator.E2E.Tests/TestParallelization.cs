// The browser test classes share one chromium and most of them a server (BrowserCollection); FirstStartTests starts a
// server of its own. On the 2-core machines this project runs on, three servers at once starve the in-process fake
// agencies, whose calls then hit their 10 s timeout; one collection at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
