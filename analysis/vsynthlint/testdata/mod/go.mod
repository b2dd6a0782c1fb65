module vsynthlinttest

go 1.26
