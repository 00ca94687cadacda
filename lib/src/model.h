// The learned segmentation model, for the code that handles it whole (the
// dictionary's loader and builder, the model's text form): its features
// (model_features.h), stored weights (model_weights.h) and decoder
// (model_decoder.h).
#pragma once

#include "model_decoder.h"
#include "model_features.h"
#include "model_weights.h"
