/* use.c - runs the model compiled as `tiny` on a zero input (the zero point
 * of the input quantization) and prints its output codes. */
#include <stdio.h>

#include "tiny.h"

int main(void)
{
	static tiny_input_t in[tiny_INPUT_SIZE];
	static tiny_output_t out[tiny_OUTPUT_SIZE];
	for (int i = 0; i < tiny_INPUT_SIZE; i++)
		in[i] = tiny_INPUT_ZERO_POINT;
	if (tiny_run(in, out) != 0)
		return 1;
	for (int i = 0; i < tiny_OUTPUT_SIZE; i++)
		printf("%d%s", out[i], i + 1 < tiny_OUTPUT_SIZE ? " " : "\n");
	return 0;
}
