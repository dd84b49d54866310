# A configuração inicial (ferrum-greeter enquanto ainda não há nenhuma pessoa no computador).

setup-title = Configurar este computador
setup-step = Etapa { $number } de { $total }
setup-next = Avançar
setup-back = Voltar
setup-skip = Pular
setup-create = Criar conta
setup-language-heading = Escolha seu idioma
setup-keyboard-heading = Escolha o layout do teclado
setup-zone-heading = Escolha seu fuso horário
setup-zone-search = Pesquisar uma cidade ou região
setup-zone-chosen = Fuso horário: { $zone }
setup-zone-none = Nenhum fuso horário corresponde à pesquisa.
setup-applying = Definindo o fuso horário…
setup-zone-unavailable = Não foi possível definir o fuso horário: o serviço de data e hora não está em execução.
setup-zone-refused = Não foi possível definir o fuso horário: este computador não permitiu.
setup-zone-unknown = Este computador não conhece esse fuso horário. Escolha outro.
setup-zone-no-answer = O serviço de data e hora não respondeu. Tente novamente.
setup-zone-failed = Não foi possível definir o fuso horário. Tente novamente.
setup-network-heading = Conectar a uma rede
setup-network-optional = Esta etapa é opcional: você pode se conectar depois em Configurações.
setup-network-loading = Procurando redes…
setup-network-connected = Conectado à internet.
setup-network-limited = Conectado, mas não é possível acessar a internet.
setup-network-offline = Não conectado.
setup-network-unavailable = As configurações de rede não estão disponíveis no momento.
setup-network-none = Nenhuma rede Wi-Fi ao alcance.
setup-wifi-connected = Conectada
setup-wifi-secured = Protegida, sinal { $strength }%
setup-wifi-open = Aberta, sinal { $strength }%
setup-wifi-password = Senha de { $name }
setup-join-named = Conectar a { $name }
setup-joining = Conectando…
setup-wifi-password-empty = Digite primeiro a senha da rede.
setup-wifi-password-invalid = Essa não pode ser a senha desta rede: verifique o tamanho e os caracteres.
setup-join-refused = Não é permitido conectar a redes aqui.
setup-join-wrong-password = A rede não aceitou a senha.
setup-join-timeout = A rede não respondeu a tempo. Tente novamente.
setup-join-failed = Não foi possível conectar à rede.
setup-account-heading = Crie sua conta
setup-full-name = Nome completo
setup-user-name = Nome de usuário
setup-user-name-rules = Letras minúsculas, dígitos, - e _, começando com uma letra.
setup-password = Senha
setup-confirmation = Confirme a senha
setup-strength-too-short = { $count ->
    [one] Pelo menos { $count } caractere.
    [many] Pelo menos { $count } de caracteres.
   *[other] Pelo menos { $count } caracteres.
}
setup-strength-weak = Senha fraca: quanto mais longa e com mais tipos de caracteres, mais difícil de adivinhar.
setup-strength-fair = Senha razoável.
setup-strength-strong = Senha forte.
setup-administrator = Administrador
setup-administrator-desc = Pode instalar programas e alterar configurações para todos.
setup-name-empty = Digite um nome de usuário.
setup-name-too-long = { $count ->
    [one] Um nome de usuário tem no máximo { $count } caractere.
    [many] Um nome de usuário tem no máximo { $count } de caracteres.
   *[other] Um nome de usuário tem no máximo { $count } caracteres.
}
setup-name-bad-start = Um nome de usuário começa com uma letra minúscula.
setup-name-bad-characters = Um nome de usuário tem apenas letras minúsculas, dígitos, - e _.
setup-name-taken = O nome de usuário { $name } já está em uso. Escolha outro.
setup-password-too-short = { $count ->
    [one] A senha precisa ter pelo menos { $count } caractere.
    [many] A senha precisa ter pelo menos { $count } de caracteres.
   *[other] A senha precisa ter pelo menos { $count } caracteres.
}
setup-password-too-long = A senha é longa demais.
setup-password-mismatch = As duas senhas não são iguais.
setup-creating = Criando sua conta…
setup-account-refused = Este computador não permite criar contas agora.
setup-account-unavailable = O serviço de contas não está em execução, então a conta não foi criada. Tente novamente daqui a pouco.
setup-account-no-answer = O serviço de contas não respondeu. Tente novamente.
setup-account-failed = Não foi possível criar a conta. Tente novamente.
setup-account-undone = Não foi possível concluir a conta, então ela foi removida. Tente novamente.
setup-account-left = Não foi possível concluir a conta e o serviço de contas parou de responder. Ninguém consegue entrar com a conta incompleta; ela será removida quando você tentar novamente.
setup-finish-heading = Boas-vindas
setup-starting = Iniciando sua sessão…
setup-created = Sua conta { $name } foi criada, mas não foi possível entrar.
setup-retry = Tentar novamente
setup-login-failed = Não foi possível entrar. Tente novamente.
setup-login-unreachable = O serviço de login não está respondendo. Tente novamente.
