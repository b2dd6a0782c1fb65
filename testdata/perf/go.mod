module example.com/perf

go 1.24
