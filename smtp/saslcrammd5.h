#pragma once

#include "saslmechanism.h"

// TODO(helper): SaslCramMd5
