module vsynthtest

go 1.24
