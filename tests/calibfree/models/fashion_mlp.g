# fashion_mlp naming its weights and calibration set (beside the sample):
# `qcc fashion_mlp.g -o m.c` needs no --calib
model fashion_mlp
weights "../../../samples/fashion/fashion_mlp.safetensors"
calib "../../../samples/fashion/calib.npy"

input x : f32[1,1,28,28]

const fc1_weight : f32[128,784] = @fc1.weight
const fc1_bias : f32[128] = @fc1.bias
const fc2_weight : f32[64,128] = @fc2.weight
const fc2_bias : f32[64] = @fc2.bias
const fc3_weight : f32[10,64] = @fc3.weight
const fc3_bias : f32[10] = @fc3.bias

flatten : f32[1,784] = flatten(x)
fc1 : f32[1,128] = dense(flatten, fc1_weight, fc1_bias)
relu1 : f32[1,128] = relu(fc1)
fc2 : f32[1,64] = dense(relu1, fc2_weight, fc2_bias)
relu2 : f32[1,64] = relu(fc2)
output logits : f32[1,10] = dense(relu2, fc3_weight, fc3_bias)
