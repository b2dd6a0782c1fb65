module example.com/realgo

go 1.26
