#pragma once

#include "saslmechanism.h"

// TODO(helper): SaslOAuthBearer
