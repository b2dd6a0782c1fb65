package q

//vsynth:requires x < 100
//vsynth:ensures result > x
func Inc(x int) int { return x + 1 }

//vsynth:requires x < 100
//vsynth:ensures result < x
func Wrong(x int) int { return x + 1 }
