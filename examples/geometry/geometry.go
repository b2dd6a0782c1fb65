package geometry

// Point is a point on a grid.
type Point struct{ X, Y int32 }

// Norm1 is the Manhattan distance from the origin.
//
//vsynth:requires p.X > -1<<30 && p.X < 1<<30 && p.Y > -1<<30 && p.Y < 1<<30
//vsynth:ensures result >= 0
func (p Point) Norm1() int32 {
	return abs(p.X) + abs(p.Y)
}

func abs(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// Move shifts the point in place.
//
//vsynth:requires p != nil
//vsynth:ensures p.X == old(p.X)+dx && p.Y == old(p.Y)+dy
func (p *Point) Move(dx, dy int32) {
	p.X += dx
	p.Y += dy
}
