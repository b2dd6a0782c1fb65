// Package satadd is saturating addition: the sum clamped to the range of
// int32 instead of wrapping around.
package satadd
