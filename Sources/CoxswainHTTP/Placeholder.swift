import CoxswainServices; import Hummingbird; import HummingbirdAuth; import Mustache; import Crypto
