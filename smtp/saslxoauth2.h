#pragma once

#include "saslmechanism.h"

// TODO(helper): SaslXOAuth2
