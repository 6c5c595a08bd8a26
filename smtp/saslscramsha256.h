#pragma once

#include "saslmechanism.h"

// TODO(helper): SaslScramSha256
