// Each browser test class starts its own server and chromium. On the 2-core machines this project runs on, three of
// them at once starve the in-process fake agencies, whose calls then hit their 10 s timeout; one class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
