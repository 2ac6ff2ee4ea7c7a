# fashion_cnn: exported from PyTorch by samples/fashion/export_g.py
model fashion_cnn
weights "fashion_cnn.safetensors"

input x : f32[1,1,28,28]

const conv1_weight : f32[8,1,3,3] = @conv1.weight
const conv1_bias : f32[8] = @conv1.bias
const bn1_weight : f32[8] = @bn1.weight
const bn1_bias : f32[8] = @bn1.bias
const bn1_running_mean : f32[8] = @bn1.running_mean
const bn1_running_var : f32[8] = @bn1.running_var
const conv2_weight : f32[16,8,3,3] = @conv2.weight
const conv2_bias : f32[16] = @conv2.bias
const bn2_weight : f32[16] = @bn2.weight
const bn2_bias : f32[16] = @bn2.bias
const bn2_running_mean : f32[16] = @bn2.running_mean
const bn2_running_var : f32[16] = @bn2.running_var
const fc_weight : f32[10,784] = @fc.weight
const fc_bias : f32[10] = @fc.bias

conv1 : f32[1,8,28,28] = conv2d(x, conv1_weight, conv1_bias, pad=[1,1,1,1])
bn1 : f32[1,8,28,28] = batchnorm(conv1, bn1_weight, bn1_bias, bn1_running_mean, bn1_running_var)
relu1 : f32[1,8,28,28] = relu(bn1)
pool1 : f32[1,8,14,14] = maxpool2d(relu1, kernel=[2,2], stride=[2,2])
conv2 : f32[1,16,14,14] = conv2d(pool1, conv2_weight, conv2_bias, pad=[1,1,1,1])
bn2 : f32[1,16,14,14] = batchnorm(conv2, bn2_weight, bn2_bias, bn2_running_mean, bn2_running_var)
relu2 : f32[1,16,14,14] = relu(bn2)
pool2 : f32[1,16,7,7] = maxpool2d(relu2, kernel=[2,2], stride=[2,2])
flatten : f32[1,784] = flatten(pool2)
output logits : f32[1,10] = dense(flatten, fc_weight, fc_bias)
